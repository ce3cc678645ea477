# render messages (uz)
