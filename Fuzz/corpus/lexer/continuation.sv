from deals | where amount > 1M | 
  | sort -amount; take 3 # comment
(( [ ,
