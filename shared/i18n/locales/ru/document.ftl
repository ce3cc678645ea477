# document messages (ru)
