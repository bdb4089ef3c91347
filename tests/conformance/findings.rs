//! `minutes check` against each `more/NN.findings.json`: precision and recall
//! over the warning and error rules, held-out files reported apart. (Issue 12.)
