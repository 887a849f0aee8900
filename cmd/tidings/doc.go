// Command tidings turns a pile of news articles into clear, cited
// stories. Run "tidings help" for the commands.
//
// Each verb has a file of its own (brief.go, stories.go, clean.go,
// serve.go, rouge.go, evalcmd.go): it parses its flags, calls the
// library ([tidings.Pipeline]) or the evaluation harness
// (internal/bench), and formats the result; only this package decides
// what is printed and the exit status (0 ok, 1 failure, 2 usage).
// help.go builds "tidings help" and "CMD -h" from each verb's flags,
// message.go words errors for users (no package names), and progress.go
// draws the stage bar on a terminal.
package main
