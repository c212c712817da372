import Evaluation
print("\(Engine.name) \(Engine.version)")
