# secret: read from an environment variable, listed by where it came from, never shown; a
# secret written into a statement is blanked wherever the statement is quoted.
secret home from env "HOME"
secrets
on error continue
print $home
secret missing from env "SVERKA_GOLDEN_SURELY_UNSET"
secret bad from env "NOT A NAME"
secret twice from env "HOME" from file "x"
secret nowhere
secret gone from file "data/no-such-secret"
export from secrets to "/tmp/sverka-golden-secret.csv" with (password: "hunter2-hunter2", token_env: "HOME")
help secret
