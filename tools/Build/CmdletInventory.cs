// Lists the cmdlets a compiled assembly defines, without loading it: reads the [Cmdlet]
// attributes from the metadata tables. Used by build.ps1 to write an explicit
// CmdletsToExport list, so the manifest never needs a wildcard and never goes stale.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PinterestAds.Build
{
    public static class CmdletInventory
    {
        private const string CmdletAttributeName = "System.Management.Automation.CmdletAttribute";

        /// <summary>Returns "Verb-Noun" for each public, non-abstract type marked [Cmdlet], sorted.</summary>
        public static string[] GetCmdletNames(string assemblyPath)
        {
            var names = new List<string>();
            using (var stream = File.OpenRead(assemblyPath))
            using (var peReader = new PEReader(stream))
            {
                MetadataReader metadata = peReader.GetMetadataReader();
                foreach (TypeDefinitionHandle typeHandle in metadata.TypeDefinitions)
                {
                    TypeDefinition type = metadata.GetTypeDefinition(typeHandle);
                    TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
                    bool isAbstract = (type.Attributes & TypeAttributes.Abstract) != 0;
                    if (visibility != TypeAttributes.Public || isAbstract)
                    {
                        continue;
                    }

                    foreach (CustomAttributeHandle attributeHandle in type.GetCustomAttributes())
                    {
                        CustomAttribute attribute = metadata.GetCustomAttribute(attributeHandle);
                        if (GetAttributeTypeName(metadata, attribute.Constructor) != CmdletAttributeName)
                        {
                            continue;
                        }

                        // Blob layout (ECMA-335 II.23.3): prolog 0x0001, then the fixed
                        // constructor arguments; CmdletAttribute(string verb, string noun).
                        BlobReader blob = metadata.GetBlobReader(attribute.Value);
                        if (blob.ReadUInt16() != 1)
                        {
                            throw new BadImageFormatException("Unexpected custom attribute prolog in " + assemblyPath);
                        }

                        string verb = blob.ReadSerializedString();
                        string noun = blob.ReadSerializedString();
                        names.Add(verb + "-" + noun);
                    }
                }
            }

            names.Sort(StringComparer.OrdinalIgnoreCase);
            return names.ToArray();
        }

        private static string GetAttributeTypeName(MetadataReader metadata, EntityHandle constructor)
        {
            EntityHandle parent;
            if (constructor.Kind == HandleKind.MemberReference)
            {
                parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
            }
            else if (constructor.Kind == HandleKind.MethodDefinition)
            {
                parent = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
            }
            else
            {
                return string.Empty;
            }

            if (parent.Kind == HandleKind.TypeReference)
            {
                TypeReference reference = metadata.GetTypeReference((TypeReferenceHandle)parent);
                return metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name);
            }

            if (parent.Kind == HandleKind.TypeDefinition)
            {
                TypeDefinition definition = metadata.GetTypeDefinition((TypeDefinitionHandle)parent);
                return metadata.GetString(definition.Namespace) + "." + metadata.GetString(definition.Name);
            }

            return string.Empty;
        }
    }
}
