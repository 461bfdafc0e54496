using System.Management.Automation;

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// Runs when PowerShell imports the cmdlet assembly (and when it removes it): installs the
    /// resolver that loads the engine and its third-party dependencies, then tells the engine what the
    /// host hides (<see cref="ModuleHost"/>), before any cmdlet runs.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            DependencyResolver.Register();
            ModuleHost.Initialise();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // The resolver stays: the engine it loaded is shared by every runspace of the process
            // (ForEach-Object -Parallel runspaces import and remove the module while the main runspace
            // keeps using it), and the resolver only ever answers for the engine assembly.
        }
    }
}
