// Guests under software emulation share two cores with the cluster, the controller and the agents: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
