print("qarch")
