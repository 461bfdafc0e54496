using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// Loads the module's type and format files (<c>PinterestAds.types.ps1xml</c>, every
    /// <c>*.format.ps1xml</c>) into a runspace the first time one of its cmdlets writes an object there,
    /// instead of at <c>Import-Module</c>.
    /// </summary>
    /// <remarks>
    /// Why: listed in the manifest (TypesToProcess/FormatsToProcess), the files made PowerShell rebuild its
    /// type table and build its format table during the import, about 100 ms of a 250 ms import, paid by
    /// every script that imports the module, also those whose output never reaches a console. Nothing can
    /// show an object of the module before one of its cmdlets has written it, and the views are in place
    /// before that first object leaves the cmdlet, so tables, lists and default property sets are the same
    /// as before. Each runspace (ForEach-Object -Parallel, jobs) loads them once.
    /// </remarks>
    internal static class ModuleViews
    {
        internal const string TypesFileName = "PinterestAds.types.ps1xml";
        internal const string FormatFilePattern = "*.format.ps1xml";

        // Each path is quoted by PowerShell itself (parameters, not text), so any folder name works.
        private const string LoadScript = "param($types, $formats) Update-TypeData -PrependPath $types; Update-FormatData -PrependPath $formats";

        private static readonly object Gate = new object();
        private static readonly HashSet<Guid> Loaded = new HashSet<Guid>();
        private static readonly Lazy<ViewFiles?> Files = new Lazy<ViewFiles?>(FindFiles);

        [ThreadStatic] private static Guid t_lastRunspace;

        /// <summary>Loads the type and format files into the current runspace, once.</summary>
        public static void Ensure(PSCmdlet cmdlet)
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is null) return;
            Guid id = runspace.InstanceId;
            if (id == t_lastRunspace) return;
            t_lastRunspace = id;
            lock (Gate)
            {
                if (!Loaded.Add(id)) return;
            }
            ViewFiles? files = Files.Value;
            if (files is null) return;
            try
            {
                cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(LoadScript), null, files.Types, files.Formats);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // A restricted runspace may refuse type and format updates: objects then show as PowerShell's defaults.
                cmdlet.WriteDebug("PinterestAds type and format files not loaded: " + ex.Message);
            }
        }

        /// <summary>The files beside the manifest: the cmdlet assembly's folder, or its parent (desktop/ on Windows PowerShell).</summary>
        private static ViewFiles? FindFiles()
        {
            string? folder = DependencyResolver.ModuleFolder;
            for (int level = 0; level < 2 && !string.IsNullOrEmpty(folder); level++, folder = Path.GetDirectoryName(folder))
            {
                string types = Path.Combine(folder, TypesFileName);
                if (!File.Exists(types)) continue;
                string[] formats = Directory.GetFiles(folder, FormatFilePattern)
                    .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
                    .ToArray();
                return new ViewFiles(types, formats);
            }
            return null;
        }

        private sealed class ViewFiles
        {
            public ViewFiles(string types, string[] formats)
            {
                Types = types;
                Formats = formats;
            }

            public string Types { get; }

            public string[] Formats { get; }
        }
    }
}
