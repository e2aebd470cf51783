using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Users;

/// <summary>Encrypts and decrypts the secret fields of accounts and server keys, bound to their rows.</summary>
public static class UserSecrets
{
    private const string AuthenticatorField = "authenticator";
    private const string XmlField = "xml";

    public static byte[] ProtectAuthenticatorKey(WorkspaceSession session, Guid userId, string key) =>
        session.Protect(key, UserModel.UsersTable, userId, AuthenticatorField);

    public static string UnprotectAuthenticatorKey(WorkspaceSession session, Guid userId, byte[] ciphertext) =>
        session.Unprotect<string>(ciphertext, UserModel.UsersTable, userId, AuthenticatorField);

    public static byte[] ProtectKeyXml(WorkspaceSession session, Guid keyId, string xml) =>
        session.Protect(xml, UserModel.DataProtectionKeysTable, keyId, XmlField);

    public static string UnprotectKeyXml(WorkspaceSession session, Guid keyId, byte[] ciphertext) =>
        session.Unprotect<string>(ciphertext, UserModel.DataProtectionKeysTable, keyId, XmlField);
}
