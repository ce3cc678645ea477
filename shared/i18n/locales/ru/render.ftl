# render messages (ru)
