# Sourced by .ci/run before examples/spark/check.sh: installs what the Spark
# check needs and exports QG_PYTHON. Java 17 from Debian, pyspark (a ~450 MB
# download, about a minute) in a venv that later runs reuse.
#
#   . .ci/spark.sh && examples/spark/check.sh
if ! command -v java > /dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq default-jre-headless > /dev/null
fi
QG_SPARK_VENV=${QG_SPARK_VENV:-$PWD/.venv}
if [ ! -x "$QG_SPARK_VENV/bin/python" ]; then
  python3 -m venv "$QG_SPARK_VENV"
fi
if ! "$QG_SPARK_VENV/bin/python" -c 'import pyspark' > /dev/null 2>&1; then
  "$QG_SPARK_VENV/bin/pip" install -q 'pyspark>=4.0,<5'
fi
export QG_PYTHON="$QG_SPARK_VENV/bin/python"
export SPARK_LOCAL_IP=127.0.0.1
