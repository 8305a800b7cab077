"""The two agents: drafting (parameters → typed Draft) and converting (a chunk of draft weeks → workouts)."""
