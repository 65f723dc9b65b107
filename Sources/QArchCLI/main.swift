import MPFRReference
print("qarch: \(Verifier.run(formats: [], ops: [], samples: 0, seed: 0, jobs: 1).count)")
