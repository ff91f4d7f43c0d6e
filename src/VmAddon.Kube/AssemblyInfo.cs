// The controller runtime is used by Linux hosts only (the controller and the node agents).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
