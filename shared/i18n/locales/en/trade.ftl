# trade messages (en)
