profit by client from "June"
