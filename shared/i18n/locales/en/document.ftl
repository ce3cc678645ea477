# document messages (en)
