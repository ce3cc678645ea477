# sync messages (ru)
