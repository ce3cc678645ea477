# declare messages (en)
