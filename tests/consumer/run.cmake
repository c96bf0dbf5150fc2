# Builds and runs tests/consumer in both modes. Invoked by CTest:
#   cmake -DSOURCE=<repo> -DBUILD=<main build dir> -DWORK=<scratch dir> -P run.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK}")
# 1. add_subdirectory
run(${CMAKE_COMMAND} -S "${SOURCE}/tests/consumer" -B "${WORK}/sub" -DMEDUSA_CONSUMER_MODE=add_subdirectory
    "-DMEDUSA_SOURCE_DIR=${SOURCE}" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK}/sub" -j 2)
run("${WORK}/sub/consumer")
# 2. find_package on an installed copy
run(${CMAKE_COMMAND} --install "${BUILD}" --prefix "${WORK}/prefix")
run(${CMAKE_COMMAND} -S "${SOURCE}/tests/consumer" -B "${WORK}/pkg" -DMEDUSA_CONSUMER_MODE=find_package
    "-DCMAKE_PREFIX_PATH=${WORK}/prefix" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK}/pkg" -j 2)
run("${WORK}/pkg/consumer")
message(STATUS "consumer project built and ran with add_subdirectory and with find_package")
