using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// What the engine needs to know about its host, told once on the module's load path
    /// (<see cref="ModuleInitializer.OnImport"/>), before any row or entity type is generated:
    /// rows and entities are dictionaries (fast, culture-independent Export-Csv), and PowerShell would
    /// list the dictionary interfaces' properties beside the columns unless the generated types hide
    /// their shadows with <see cref="HiddenAttribute"/>. Idempotent (every runspace importing the module
    /// calls it); it loads nothing the import did not load already (the engine is loaded for the
    /// cmdlets' parameter types).
    /// </summary>
    internal static class ModuleHost
    {
        // Not inlined: the engine is resolved only once DependencyResolver.Register() has run.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Initialise() => Engine.Formatting.HiddenMembers.Initialise(typeof(HiddenAttribute));
    }
}
