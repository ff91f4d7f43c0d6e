namespace VmAddon.Api.Conversion;

/// <summary>The manifest rewritten for VmAddon, with a warning for each document or field VmAddon cannot take as it is.</summary>
public sealed record KubeVirtConversion(string Text, IReadOnlyList<ConversionWarning> Warnings);
