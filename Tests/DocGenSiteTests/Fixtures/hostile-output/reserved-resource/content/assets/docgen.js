alert("hijacked")
