# declare messages (uz)
