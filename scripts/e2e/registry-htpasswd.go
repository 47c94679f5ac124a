// fhw-htpasswd prints one htpasswd line, "<user>:<bcrypt hash>", for the password
// it reads on stdin, so the e2e registry's password never appears in a process's
// arguments. Built by registry-build.sh inside the registry's own wrapper module.
//
//	fhw-htpasswd <user> < password-file >> htpasswd
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] == "" || strings.Contains(os.Args[1], ":") {
		fmt.Fprintln(os.Stderr, "usage: fhw-htpasswd <user> < password-file")
		os.Exit(2)
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if (err != nil && line == "") || password == "" {
		fmt.Fprintln(os.Stderr, "fhw-htpasswd: no password on stdin")
		os.Exit(2)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fhw-htpasswd:", err)
		os.Exit(1)
	}
	fmt.Printf("%s:%s\n", os.Args[1], hash)
}
