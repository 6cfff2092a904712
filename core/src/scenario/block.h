#pragma once
// One scenario block (an object of the scenario file) as one table of fields: each field names
// its key(s), how to read them and how to write them back. The allowed keys, the parser and
// toJson all read that one table, so a key is listed once.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario/json_reader.h"

namespace clustershift::detail {

template <class T>
struct Field {
  /// The keys this field reads; usually one. A group (the source location keys) reads several
  /// keys in one call.
  std::vector<std::string> keys;
  /// Reads keys[0] (or the group) of `object` at `path` into target. Called for every field in
  /// table order, present or not, so a field also reports a missing required key and checks
  /// that depend on the fields before it.
  std::function<void(JsonReader& r, const nlohmann::json& object, const std::string& path, const char* key,
                     T& target)>
      read;
  /// Writes the field back into `object` (may write nothing); empty = never written.
  std::function<void(const T& source, nlohmann::json& object, const char* key)> write;
};

template <class T>
class Block {
 public:
  explicit Block(std::vector<Field<T>> fields) : m_fields(std::move(fields)) {
    for (const Field<T>& f : m_fields) m_keys.insert(m_keys.end(), f.keys.begin(), f.keys.end());
  }

  /// Every key the block allows, in table order (as "unknown key (allowed: …)" lists them).
  const std::vector<std::string>& keys() const { return m_keys; }

  /// Reports every key of object that no field reads, with its JSON path.
  void checkKeys(JsonReader& r, const nlohmann::json& object, const std::string& path) const {
    r.allowedKeys(object, path, m_keys);
  }

  /// Reads every field in table order.
  void readFields(JsonReader& r, const nlohmann::json& object, const std::string& path, T& target) const {
    for (const Field<T>& f : m_fields) f.read(r, object, path, f.keys.front().c_str(), target);
  }

  /// checkKeys + readFields.
  void read(JsonReader& r, const nlohmann::json& object, const std::string& path, T& target) const {
    checkKeys(r, object, path);
    readFields(r, object, path, target);
  }

  /// The block as a JSON object, field by field.
  nlohmann::json write(const T& source) const {
    nlohmann::json object = nlohmann::json::object();
    for (const Field<T>& f : m_fields) {
      if (f.write) f.write(source, object, f.keys.front().c_str());
    }
    return object;
  }

 private:
  std::vector<Field<T>> m_fields;
  std::vector<std::string> m_keys;
};

// ---- field makers for the common shapes ----

/// The writer of an optional member (a string, list or matrix): written only when not empty.
template <class T, class M>
std::function<void(const T&, nlohmann::json&, const char*)> writeUnlessEmpty(M T::*member) {
  return [member](const T& t, nlohmann::json& out, const char* k) {
    if (!(t.*member).empty()) out[k] = t.*member;
  };
}

/// A string member, always written.
template <class T>
Field<T> textField(const char* key, std::string T::*member, bool required = false, bool nonEmpty = false) {
  return {{key},
          [member, required, nonEmpty](JsonReader& r, const nlohmann::json& j, const std::string& path,
                                       const char* k, T& t) {
            if (auto v = r.string(j, path, k, required)) {
              if (nonEmpty && v->empty()) r.fail(joinPath(path, k), "must not be empty", "must_not_be_empty");
              t.*member = *v;
            }
          },
          [member](const T& t, nlohmann::json& out, const char* k) { out[k] = t.*member; }};
}

/// A string member restricted to `allowed`, always written.
template <class T>
Field<T> choiceField(const char* key, std::string T::*member, std::vector<std::string> allowed) {
  return {{key},
          [member, allowed](JsonReader& r, const nlohmann::json& j, const std::string& path, const char* k,
                            T& t) {
            if (auto v = r.choice(j, path, k, allowed)) t.*member = *v;
          },
          [member](const T& t, nlohmann::json& out, const char* k) { out[k] = t.*member; }};
}

/// A boolean member, always written.
template <class T>
Field<T> boolField(const char* key, bool T::*member) {
  return {{key},
          [member](JsonReader& r, const nlohmann::json& j, const std::string& path, const char* k, T& t) {
            if (auto v = r.boolean(j, path, k)) t.*member = *v;
          },
          [member](const T& t, nlohmann::json& out, const char* k) { out[k] = t.*member; }};
}

/// A number member checked by `problem` (empty text = fine; the value is stored either way,
/// as the reader reports and goes on), always written.
template <class T>
Field<T> numberField(const char* key, double T::*member, bool required,
                     std::function<std::string(double)> problem) {
  return {{key},
          [member, required, problem](JsonReader& r, const nlohmann::json& j, const std::string& path,
                                      const char* k, T& t) {
            if (auto v = r.number(j, path, k, required)) {
              const std::string text = problem ? problem(*v) : std::string();
              if (!text.empty()) r.fail(joinPath(path, k), text);
              t.*member = *v;
            }
          },
          [member](const T& t, nlohmann::json& out, const char* k) { out[k] = t.*member; }};
}

/// An integer member in [lo, hi]; out of range: `rangeText` and the member is left unchanged.
template <class T, class I>
Field<T> integerField(const char* key, I T::*member, long long lo, long long hi, const char* rangeText) {
  return {{key},
          [member, lo, hi, rangeText](JsonReader& r, const nlohmann::json& j, const std::string& path,
                                      const char* k, T& t) {
            if (auto v = r.integer(j, path, k)) {
              if (*v < lo || *v > hi)
                r.fail(joinPath(path, k), rangeText);
              else
                t.*member = static_cast<I>(*v);
            }
          },
          [member](const T& t, nlohmann::json& out, const char* k) { out[k] = t.*member; }};
}

}  // namespace clustershift::detail
