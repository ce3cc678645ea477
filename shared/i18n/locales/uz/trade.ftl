# trade messages (uz)
