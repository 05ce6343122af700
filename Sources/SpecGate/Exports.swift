// `import SpecGate` is all a test target needs: the result types (`RunReport`, `Finding`, `OperationFilter`, …)
// and the runner (`Workspace`, `RunPreparation`, …) come with it.
@_exported import SpecGateCore
@_exported import SpecGateRunner
