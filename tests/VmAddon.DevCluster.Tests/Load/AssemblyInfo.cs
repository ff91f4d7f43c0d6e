using System.Runtime.Versioning;

// vmaddon-dev is Linux-only (it runs pods as Linux processes), so are the tests that call it; without this CA1416 fails the build.
// SupportedOSPlatform allows several uses, so this stays harmless once the project file declares it too.
[assembly: SupportedOSPlatform("linux")]
