# sync messages (en)
