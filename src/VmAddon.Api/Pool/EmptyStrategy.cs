namespace VmAddon.Api;

/// <summary>An update strategy that has no settings.</summary>
public sealed record EmptyStrategy;
