// posix_fallocate(2) for Node, which has no binding for it: whisper's `fallocate` create option allocates
// a file's blocks without writing zeros (0.03 ms against 4.5 ms for a 3.4 MB zero-fill, perf-reliability.md).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <string.h>

static const char *errno_name(int err) {
  switch (err) {
    case ENOSPC: return "ENOSPC";
    case EIO: return "EIO";
    case EBADF: return "EBADF";
    case EFBIG: return "EFBIG";
    case EINVAL: return "EINVAL";
    case EINTR: return "EINTR";
    case ENODEV: return "ENODEV";
    case EPERM: return "EPERM";
    case ESPIPE: return "ESPIPE";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case EDQUOT: return "EDQUOT";
    case EROFS: return "EROFS";
    default: return "EUNKNOWN";
  }
}

// fallocate(fd, offset, length): throws an Error with .code (ENOSPC, …) and .errno on failure.
static napi_value Fallocate(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value args[3];
  int32_t fd = -1;
  int64_t offset = 0, length = 0;
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok || argc != 3 ||
      napi_get_value_int32(env, args[0], &fd) != napi_ok ||
      napi_get_value_int64(env, args[1], &offset) != napi_ok ||
      napi_get_value_int64(env, args[2], &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "fallocate(fd, offset, length) takes three numbers");
    return NULL;
  }
  int rc = posix_fallocate(fd, (off_t)offset, (off_t)length);
  if (rc != 0) {
    napi_value code, message, error, errnum;
    const char *name = errno_name(rc);
    napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, strerror(rc), NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, code, message, &error);
    napi_set_named_property(env, error, "code", code);
    napi_create_int32(env, -rc, &errnum);
    napi_set_named_property(env, error, "errno", errnum);
    napi_throw(env, error);
  }
  return NULL;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "fallocate", NAPI_AUTO_LENGTH, Fallocate, NULL, &fn);
  napi_set_named_property(env, exports, "fallocate", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
