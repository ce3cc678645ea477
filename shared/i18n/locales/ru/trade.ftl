# trade messages (ru)
