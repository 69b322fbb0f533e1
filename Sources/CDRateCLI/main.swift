import CDRate
print("cdrate")
