// PostgreSQL sources without a server: credentials and messages. The round trip against a
// real server is tests/postgis/postgis_roundtrip_test.sh (label postgis).
#include "io/postgres.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "clustershift/error.h"
#include "ogr_fixtures.h"

namespace clustershift {
namespace {

using detail::hasPassword;

TEST(Postgres, PasswordsAreFoundInKeywordAndUriForms) {
  EXPECT_TRUE(hasPassword("PG:host=db dbname=gis password=x"));
  EXPECT_TRUE(hasPassword("PG:password = x host=db"));
  EXPECT_TRUE(hasPassword("PG:PASSWORD=x"));
  EXPECT_TRUE(hasPassword("PG:postgresql://planner:x@db:5432/gis"));
  EXPECT_FALSE(hasPassword("PG:service=planning"));
  EXPECT_FALSE(hasPassword("PG:host=db dbname=password_archive user=planner"));
  EXPECT_FALSE(hasPassword("PG:postgresql://planner@db/gis"));
}

TEST(Postgres, ConnectionsAreNamedByService) {
  EXPECT_EQ(detail::describeConnection("PG:service=planning"), "service 'planning'");
  EXPECT_EQ(detail::describeConnection("PG:dbname=gis service=planning"), "service 'planning'");
  EXPECT_EQ(detail::describeConnection("PG:host=db dbname=gis"), "host=db dbname=gis");
  EXPECT_EQ(detail::describeConnection("PG:host=db password=hunter2 dbname=gis"),
            "host=db password=… dbname=gis");
  EXPECT_EQ(detail::describeConnection("PG:postgresql://planner:hunter2@db/gis"),
            "postgresql://planner:…@db/gis");
}

TEST(Postgres, UnknownServiceNamesServiceSchemaAndTable) {
  const auto dir = testing::tempDir("postgres_service");
  testing::writeText(dir / "pg_service.conf", "[other]\nhost=127.0.0.1\n");
  setenv("PGSERVICEFILE", (dir / "pg_service.conf").c_str(), 1);
  DataSource source;
  source.path = "PG:service=nosuch";
  source.layer = "base.parks";
  try {
    detail::openPostgres(source, "parks");
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(
                  "parks: PostgreSQL service 'nosuch', schema 'base', table 'parks': cannot connect (", 0),
              0u)
        << message;
    EXPECT_NE(message.find("nosuch\" not found"), std::string::npos) << message;  // libpq's own words
  }
  unsetenv("PGSERVICEFILE");
}

TEST(Postgres, PasswordOrNoTableIsBadInputBeforeConnecting) {
  DataSource source;
  source.path = "PG:host=127.0.0.1 password=x";
  source.layer = "parks";
  EXPECT_THROW(detail::openPostgres(source, "parks"), InputError);
  source.path = "PG:service=planning";
  source.layer.clear();
  try {
    detail::openPostgres(source, "regions");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "regions: PostgreSQL service 'planning': no table given (set \"schema\" and "
              "\"table\", or \"layer\": \"schema.table\")");
  }
}

}  // namespace
}  // namespace clustershift
