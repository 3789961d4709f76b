"""Reading an output folder back for people: the terminal summary (`newsevents inspect`) and the HTML report."""
