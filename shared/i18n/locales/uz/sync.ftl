# sync messages (uz)
