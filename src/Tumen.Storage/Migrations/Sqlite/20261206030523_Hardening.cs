using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tumen.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Entries written before this migration were hashed in audit format 1; they keep verifying as such.
            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "evidence_files",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "ContentKey",
                table: "evidence_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Sha256Sealed",
                table: "evidence_files",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "audit_log",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_evidence_files_ContentKey",
                table: "evidence_files",
                column: "ContentKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_evidence_files_ContentKey",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "ContentKey",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "Sha256Sealed",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "State",
                table: "audit_log");

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "evidence_files",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
