# document messages (uz)
