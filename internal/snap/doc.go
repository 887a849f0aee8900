// Package snap is the compact binary encoding of the state snapshots the
// server keeps in its store (see cluster.Clusterer.AppendBinary and
// tidings.Grouper.AppendBinary) and of clean's copied-text model file:
// unsigned and signed varints, float64s and float32s as their exact
// bits, strings and times. A [Reader] keeps the first error it meets
// and returns zero values after it, so a decoder reads every field and
// checks [Reader.Err] once; a count read from the data is
// checked against what is left of it, so a corrupt snapshot cannot make
// a decoder allocate more than the data's size. Its Example is in
// example_test.go.
package snap
