// libvirt's test:///default driver is one state per process: the agents of different test classes would see each
// other's domains, so the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
