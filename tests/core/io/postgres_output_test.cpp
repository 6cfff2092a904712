// publishResultsToPostgres refuses bad input before touching any database. The round trip
// against a real server is tests/postgis/postgis_roundtrip_test.sh (label postgis).
#include "clustershift/postgres_output.h"

#include <gtest/gtest.h>

#include "clustershift/error.h"

namespace clustershift {
namespace {

std::string inputError(const std::string& connection, const std::string& schema) {
  try {
    publishResultsToPostgres("results.gpkg", connection, schema);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no InputError";
}

TEST(PostgresOutput, PasswordOnTheCommandLineIsRefusedWithWhereToPutIt) {
  const std::string message = inputError("PG:host=db dbname=gis password=hunter2", "results");
  EXPECT_EQ(message.rfind("PostgreSQL host=db dbname=gis password=…: a password must not be stored", 0), 0u)
      << message;
  EXPECT_NE(message.find("~/.pgpass"), std::string::npos) << message;
  EXPECT_EQ(message.find("hunter2"), std::string::npos) << "the password is repeated: " << message;
}

TEST(PostgresOutput, SchemaMustBeAPlainLowerCaseName) {
  for (const char* schema : {"", "Results", "2026", "pg_temp", "a;drop", "a b"}) {
    EXPECT_EQ(inputError("PG:service=planning", schema),
              "PostgreSQL service 'planning': schema '" + std::string(schema) +
                  "': use a plain lower-case name (letters, digits, _; not starting with a digit or pg_)");
  }
}

TEST(PostgresOutput, OnlyPostgresConnections) {
  EXPECT_EQ(inputError("results.sqlite", "results"),
            "--out-db: 'results.sqlite' is not a PostgreSQL connection (expected e.g. PG:service=planning)");
}

}  // namespace
}  // namespace clustershift
