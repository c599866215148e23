"""Extract attributions from a JSONL(.gz) news corpus with Spark.

Each partition of input lines is piped through `quotegraph extract --format
jsonl` (RDD.pipe; the binary is shipped with `spark-submit --files`), and
the records are written as JSONL shards. If the installed quotegraph has a
`graph` subcommand, the shards are then assembled into one graph with
`quotegraph graph --from-jsonl SHARDS -o SHARDS/graph.json` (node-link JSON,
which `quotegraph query` and networkx read); otherwise the job stops after
the shards.

    spark-submit --master 'local[2]' --files target/release/quotegraph \
        examples/spark/quotegraph_spark.py corpus.jsonl.gz shards/

The cluster also sums the aggregates of `aggregates.py` over the shards
(statements per speaker, speaker -> outlet relays, speaker -> addressee),
so no process holds every statement, and writes them to
OUTPUT/aggregates.tsv. With --no-graph the one-machine graph step is
skipped: the path for corpora bigger than one machine.

Options: --partitions N (default: 2 per core), --text-field/--id-field for
other JSONL layouts, --exe PATH where executors find the binary (default:
SparkFiles.get("quotegraph"), right for local mode; on YARN or Kubernetes
pass ./quotegraph), --graph-out FILE where the graph goes (default
OUTPUT/graph.json; the extension picks the format: .dot, .graphml, .gexf,
.ron, .html…), --graph-args "..." extra arguments for `graph`.
"""

import argparse
import operator
import os
import shlex
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def extract_command(exe, args):
    """The shell command each partition is piped through.

    quotegraph exits 1 when it skipped a bad line (reported on stderr, which
    Spark keeps in the executor log) and 2 on a usage error: only the
    latter, or a crash, fails the task.
    """
    qg = " ".join(
        shlex.quote(a)
        for a in [
            exe, "extract", "--format", "jsonl", "--input-format", "jsonl",
            "--text-field", args.text_field, "--id-field", args.id_field,
            "--quiet", "-j", str(args.jobs_per_task), "-",
        ]
    )
    return "sh -c " + shlex.quote(qg + "; test $? -le 1")


def has_graph_command(exe):
    try:
        r = subprocess.run([exe, "graph", "--help"], capture_output=True)
    except OSError:
        return False
    return r.returncode == 0


def local_dir(path):
    """The local directory of a file:// or scheme-less path, else None."""
    if path.startswith("file://"):
        return path[len("file://"):]
    return None if "://" in path else path


def write_aggregates(sc, out):
    """Sum the aggregates of every shard in the cluster and write them,
    sorted, to OUT/aggregates.tsv. First the corpus's full person names
    (one row a distinct name) are collected and broadcast, so bare
    surnames resolve as the graph resolves them."""
    here = os.path.dirname(os.path.abspath(__file__))
    sc.addPyFile(os.path.join(here, "aggregates.py"))
    import aggregates  # noqa: E402 (shipped just above)

    shards = sc.textFile(os.path.join(out, "part-*"))
    fulls = (
        shards.flatMap(aggregates.full_names)
        .distinct()
        .groupByKey()
        .mapValues(set)
        .collectAsMap()
    )
    known = sc.broadcast(fulls)
    rows = (
        shards.flatMap(lambda line: aggregates.record_rows(line, known.value))
        .reduceByKey(operator.add)
        .collectAsMap()
    )
    with open(os.path.join(out, "aggregates.tsv"), "w", encoding="utf-8") as f:
        f.write(aggregates.tsv(rows))
    print("quotegraph_spark: %d aggregate rows in %s/aggregates.tsv" % (len(rows), out), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL or JSONL.gz file(s), a directory or a glob")
    ap.add_argument("output", help="directory for the JSONL shards (must not exist)")
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--jobs-per-task", type=int, default=1)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--exe", help="path of quotegraph on the executors")
    ap.add_argument("--gzip", action="store_true", help="write .gz shards")
    ap.add_argument(
        "--graph-out",
        help="graph file; its extension picks the format (default: OUTPUT/graph.json)",
    )
    ap.add_argument("--graph-args", default="", help="extra arguments for `quotegraph graph`")
    ap.add_argument(
        "--no-graph",
        action="store_true",
        help="skip the one-machine graph step (keep the shards and aggregates)",
    )
    args = ap.parse_args()

    spark = SparkSession.builder.appName("quotegraph-extract").getOrCreate()
    sc = spark.sparkContext
    exe = args.exe or SparkFiles.get("quotegraph")

    lines = sc.textFile(args.input)
    parts = args.partitions or 2 * sc.defaultParallelism
    if lines.getNumPartitions() < parts:
        # a .gz file is one partition: spread its lines over the cores
        lines = lines.repartition(parts)
    records = lines.pipe(extract_command(exe, args), checkCode=True)
    codec = "org.apache.hadoop.io.compress.GzipCodec" if args.gzip else None
    records.saveAsTextFile(args.output, compressionCodecClass=codec)

    out = local_dir(args.output)
    if out is not None:
        # name the shards *.jsonl(.gz) so any JSONL directory reader takes them
        for name in os.listdir(out):
            if name.startswith("part-") and ".jsonl" not in name:
                stem, ext = (name[:-3], ".gz") if name.endswith(".gz") else (name, "")
                os.rename(os.path.join(out, name), os.path.join(out, stem + ".jsonl" + ext))

    if out is not None:
        write_aggregates(sc, out)

    # the graph step runs on the driver, before spark.stop() removes the
    # shipped binary
    code = 0
    if args.no_graph:
        pass
    elif out is not None and has_graph_command(exe):
        graph_out = args.graph_out or os.path.join(out, "graph.json")
        cmd = [exe, "graph", "--from-jsonl", out, "-o", graph_out] + shlex.split(args.graph_args)
        print("quotegraph_spark: " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr)
        code = subprocess.run(cmd).returncode
    else:
        print(
            "quotegraph_spark: shards written to %s (no `quotegraph graph` command here; "
            "stopping)" % args.output,
            file=sys.stderr,
        )
    spark.stop()
    sys.exit(code)


if __name__ == "__main__":
    main()
