// The bot (filled in by the node-bot work).
