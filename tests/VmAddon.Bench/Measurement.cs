namespace VmAddon.Bench;

/// <summary>One row of the table: what was measured, our figure, the reference figure and the unit.</summary>
internal sealed record Measurement(string What, string Ours, string Reference, string Note);
