//! Unit tests of the resolver: small made-up documents with exact
//! expectations.
