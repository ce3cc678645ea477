# declare messages (ru)
