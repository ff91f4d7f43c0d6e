// Guests under software emulation share two cores with everything else; one at a time keeps deadlines honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
