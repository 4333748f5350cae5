help match
help link
help unlink
help dedupe
